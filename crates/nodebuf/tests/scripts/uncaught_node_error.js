const err = new RangeError('The value of "size" is out of range.');
err.code = 'ERR_OUT_OF_RANGE';
setTimeout(() => { throw err; }, 1);
