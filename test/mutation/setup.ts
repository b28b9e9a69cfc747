import { configure } from '@testing-library/react';

// Instrumented code on a shared machine: waitFor's default second is too short for the dry run.
configure({ asyncUtilTimeout: 5_000 });
