export const helper = () => 'helper is a module';
