// The namespaces every file of the pure core may use without saying so: numbers, exceptions and collections.
// Nothing that reaches files, the console, the network or the clock is among them.
global using System;
global using System.Collections.Generic;
