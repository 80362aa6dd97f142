import { Testing } from 'cdktf';
// Brings cdktf's global matcher declarations into the type-checked program.
import 'cdktf/lib/testing/adapters/jest';

// Registers cdktf's matchers (toHaveResource, toHaveResourceWithProperties, ...).
Testing.setupJest();
