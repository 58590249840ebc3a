Promise.reject({ reason: 'object' });
