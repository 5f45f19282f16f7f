// The shape of a handler table: each domain declares its channels once, typed by the contract.
import type { Channel, Req, Res } from '../../shared/api/contract.ts';
import type { Lab } from './lab.ts';

export type Handler<C extends Channel> = (lab: Lab, req: Req<C>) => Res<C> | Promise<Res<C>>;
export type Handlers<C extends Channel> = { [K in C]: Handler<K> };
