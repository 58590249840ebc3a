console.log('x');
throw 'a string';
