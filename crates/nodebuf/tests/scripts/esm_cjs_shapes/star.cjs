exports.z = 'from star';
