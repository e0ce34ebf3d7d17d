// Python protocol flags, computed by the core once per Python type (rust/src/typeflags.rs).
export const HAS_LENGTH = 1 << 0;
export const HAS_GET = 1 << 1;
export const HAS_SET = 1 << 2;
export const HAS_CONTAINS = 1 << 3;
export const IS_ITERABLE = 1 << 4;
export const IS_ITERATOR = 1 << 5;
export const IS_AWAITABLE = 1 << 6;
export const IS_BUFFER = 1 << 7;
export const IS_CALLABLE = 1 << 8;
export const IS_ASYNC_ITERABLE = 1 << 9;
export const IS_ASYNC_ITERATOR = 1 << 10;
export const IS_GENERATOR = 1 << 11;
export const IS_ASYNC_GENERATOR = 1 << 12;
export const IS_SEQUENCE = 1 << 13;
export const IS_MUTABLE_SEQUENCE = 1 << 14;
export const IS_DICT = 1 << 15;
export const IS_COROUTINE = 1 << 16;
