import { Testing } from 'cdktf';
import { configureTokenStackTraces } from '../app/token-stack-traces';
// Brings cdktf's global matcher declarations into the type-checked program.
import 'cdktf/lib/testing/adapters/jest';

// Registers cdktf's matchers (toHaveResource, toHaveResourceWithProperties, ...).
Testing.setupJest();

// Tests synthesize as the app does: without cdktf's per-token stack traces (see main.ts).
configureTokenStackTraces();
