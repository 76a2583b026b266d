/** Builders for the answer every bridge call gives: a value, or a code and a sentence a person can read. */
export { fail, ok } from '../shared/bridge/serverCalls';
