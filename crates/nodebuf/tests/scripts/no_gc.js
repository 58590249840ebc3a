console.log(typeof gc, typeof global.gc);
