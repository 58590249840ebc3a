export const kind = 'dynamic';
export default (n) => n * 2;
