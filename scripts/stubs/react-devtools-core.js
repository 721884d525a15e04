// Stands in for react-devtools-core in the bundle. Ink imports it only when DEV=true
// (to connect React DevTools); the package is not installed, so the bundle cannot
// include the real one. With this stub DEV=true simply connects to nothing.
export default {initialize() {}, connectToDevTools() {}};
