const e = new TypeError('boom');
e.code = 'X';
throw e;
