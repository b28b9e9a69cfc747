// Every suite: RTL's waits (findBy…, waitFor) give up after 5 s, not its default 1 s. CI runs both projects'
// workers on two cores next to a build; a wait that succeeds ends as soon as it does, only a failing one takes
// longer to say so.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5_000 });
