export * from './model';
export * from './numbers';
export * from './options';
export * from './prose';
export * from './compose';
export * from './ooxml';
export * from './data';
export * from './reconcile';
