throw new Error('module init failed');
