// The shape of the code behind the contract: one handler per method, typed from the method's
// schemas in shared/contract.ts. A handler whose parameter or answer disagrees with its
// schemas fails the type check, and so does a table that misses a method.
import type { MethodArgs, MethodName, MethodResult } from '../../shared/contract';

/** Receives the method's input as validated (MethodArgs) and answers its MethodResult. */
export type MethodHandler<M extends MethodName> = (args: MethodArgs<M>) => Promise<MethodResult<M>>;

/** A handler for each of `Names`: the service's whole table, or the part one module implements. */
export type MethodHandlers<Names extends MethodName = MethodName> = { [M in Names]: MethodHandler<M> };
