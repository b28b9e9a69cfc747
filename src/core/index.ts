export { createExhClient, type ExhClient, type ExhClientOptions } from './client';
export * from './errors';
export { signRequest, percentEncode, signatureBaseString, createNonce, type SignRequestInput } from './signer';
export { memoryStorage, resolveStorage, type StorageAdapter, type StorageOption } from './storage';
export type * from './types';
