// seedrandom ships its generators as CommonJS files without types; alea is the one we use
// (fast, good statistical quality, tiny state).
declare module 'seedrandom/lib/alea.js' {
  interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
  }
  function alea(seed?: string): AleaPrng;
  export default alea;
}
