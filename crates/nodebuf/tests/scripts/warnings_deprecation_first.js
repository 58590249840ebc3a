process.emitWarning('dep first', 'DeprecationWarning', 'DEP0001');
process.emitWarning('then plain');
