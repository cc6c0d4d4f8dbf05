// Nx sets FORCE_COLOR for tasks; child processes spawned by tests would then colour their output.
delete process.env.FORCE_COLOR;
process.env.NO_COLOR = '1';
