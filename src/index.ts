export * from './core/index';
export * from './react/index';
export * from './components/index';
