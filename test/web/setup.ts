// Each page is a lazy chunk, and on a busy machine its first import takes seconds: let
// `findBy…` and `waitFor` wait up to 5 s, instead of testing-library's 1 s, before failing.
import { configure } from '@solidjs/testing-library';

configure({ asyncUtilTimeout: 5000 });
