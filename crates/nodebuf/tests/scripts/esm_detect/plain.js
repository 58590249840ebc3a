async function later() {
  await null;
  return 'cjs with await inside a function';
}
module.exports = { later };
