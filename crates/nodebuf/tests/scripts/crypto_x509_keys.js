// crypto.X509Certificate with asymmetric KeyObjects: publicKey (a cached KeyObject), verify()
// against the issuing CA, itself and a foreign key, checkPrivateKey() with the matching and other
// keys, and the argument errors.
'use strict';
const {X509Certificate, generateKeyPairSync, createPrivateKey}=require('crypto');
const fs=require('fs');
const dir = `${__dirname}/../fixtures/tls`;
const ca=new X509Certificate(fs.readFileSync(dir + '/ca.pem'));
const server=new X509Certificate(fs.readFileSync(dir + '/server.pem'));
console.log(server.publicKey, server.publicKey.type, server.publicKey === server.publicKey, server.publicKey.asymmetricKeyType);
const t=(l,f)=>{try{console.log(l,'ok',f())}catch(e){console.log(l,e.name,e.code,e.message)}};
t('verify by ca', ()=>server.verify(ca.publicKey)); t('verify self', ()=>server.verify(server.publicKey)); t('string', ()=>server.verify('x'));
t('private', ()=>server.verify(createPrivateKey(fs.readFileSync(dir + '/server-key.pem'))));
t('ec', ()=>server.verify(generateKeyPairSync('ec',{namedCurve:'P-256'}).publicKey));
t('check own', ()=>server.checkPrivateKey(createPrivateKey(fs.readFileSync(dir + '/server-key.pem'))));
t('check other', ()=>server.checkPrivateKey(createPrivateKey(fs.readFileSync(dir + '/ca-key.pem'))));
t('check public', ()=>server.checkPrivateKey(server.publicKey)); t('check 1', ()=>server.checkPrivateKey(1));
t('ec check', ()=>server.checkPrivateKey(generateKeyPairSync('ec',{namedCurve:'P-256'}).privateKey));
