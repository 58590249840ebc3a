export default 'an index file';
