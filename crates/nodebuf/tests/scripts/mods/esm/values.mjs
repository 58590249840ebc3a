export const twice = (n) => n * 2;
export default 'values default';
