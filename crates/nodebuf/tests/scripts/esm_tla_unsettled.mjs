// The loop empties while the main module still awaits: exit code 13.
console.log('waiting forever');
await new Promise(() => {});
