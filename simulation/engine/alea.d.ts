// seedrandom ships its generators as CommonJS files without types; alea is the one we use
// (fast, good statistical quality, tiny state).
declare module 'seedrandom/lib/alea.js' {
  interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
    /** With `{ state: true }`: a copy of the generator's state. */
    state(): AleaState;
  }
  interface AleaState {
    c: number;
    s0: number;
    s1: number;
    s2: number;
  }
  function alea(seed?: string, opts?: { state?: boolean }): AleaPrng;
  export default alea;
}
