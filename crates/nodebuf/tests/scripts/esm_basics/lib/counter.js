export let counter = 0;
export function increment() {
  counter += 1;
}
export const NAME = 'counter';
export default function greet(who) {
  return `hello ${who}`;
}
