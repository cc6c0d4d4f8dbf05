/** The scheduler contract suite; a separate entry because it needs the jest runtime. */
export {
  contractRelease,
  describeSchedulerContract,
  type SchedulerContractOptions,
  type SchedulerContractSubject,
} from './scheduler-contract.js';
export { manifestProblems } from './contract-manifest.js';
export { contractInputs, type ContractInputs, type SchedulerMethod, type SchedulerMethodInput } from './contract-inputs.js';
