export { createTestIO, type TestIO } from './test-io.js';
export { fakePropertyStore, type FakePropertyStore } from './fake-property-store.js';
export { fakeAppRegistry, type FakeAppRegistry } from './fake-app-registry.js';
export { createTestHost, type CommandOutcome, type TestHost, type TestHostOptions } from './test-host.js';
export {
  fixedSchedulerSelection,
  recordingScheduler,
  type RecordingScheduler,
  type SchedulerCall,
} from './recording-scheduler.js';
export { appLifecycle, type AppLifecycleDriver } from './app-lifecycle.js';
export { pathsNaming } from './paths-naming.js';
export { manualInterrupts, type ManualInterrupts } from './manual-interrupts.js';
