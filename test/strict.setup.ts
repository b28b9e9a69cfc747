// The `strict` vitest project: every render and renderHook inside React.StrictMode at the root, where React
// runs effects twice (mount, unmount, mount) as it does in an app's development build. A StrictMode put
// inside a wrapper component renders twice but does not run effects twice.
import { configure } from '@testing-library/react';

configure({ reactStrictMode: true });
