"""unittest: IsolatedAsyncioTestCase runs async fixtures, tests and
cleanups on an event loop of its own per test."""
import asyncio
import io
import re
import unittest


def norm(s):
    return re.sub(r'Ran (\d+ tests?) in \d+\.\d+s', r'Ran \1 in 0.000s', s)


events = []


class A(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        events.append('setUp')

    async def asyncSetUp(self):
        events.append('asyncSetUp')
        self.addAsyncCleanup(self.cleanup, 'async cleanup')
        self.addCleanup(events.append, 'sync cleanup')

    async def cleanup(self, tag):
        await asyncio.sleep(0)
        events.append(tag)

    async def asyncTearDown(self):
        events.append('asyncTearDown')

    def tearDown(self):
        events.append('tearDown')

    async def test_ok(self):
        await asyncio.sleep(0)
        events.append('test_ok')

    async def test_fail(self):
        await asyncio.sleep(0)
        self.assertEqual(await self.value(), 2)

    async def value(self):
        return 1

    def test_sync(self):
        events.append('test_sync')

    async def test_error(self):
        raise RuntimeError('async boom')

    async def test_gather(self):
        results = await asyncio.gather(self.value(), self.value())
        self.assertEqual(results, [1, 1])
        events.append('gathered')

    @unittest.skip('not now')
    async def test_skipped(self):
        events.append('never')

    @unittest.expectedFailure
    async def test_xfail(self):
        self.assertTrue(await self.value() == 0)


class Ctx:
    async def __aenter__(self):
        events.append('aenter')
        return 'ctx value'

    async def __aexit__(self, *exc):
        events.append('aexit')


class B(unittest.IsolatedAsyncioTestCase):
    async def test_context(self):
        value = await self.enterAsyncContext(Ctx())
        events.append(value)


loader = unittest.defaultTestLoader
for verbosity in (1, 2):
    events.clear()
    stream = io.StringIO()
    suite = unittest.TestSuite([loader.loadTestsFromTestCase(A),
                                loader.loadTestsFromTestCase(B)])
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    report = stream.getvalue()
    # The tracebacks go through asyncio's own frames, which differ from
    # CPython's: print the progress, the headers and the last lines only.
    for line in report.splitlines():
        if line.startswith(('  File', '    ', 'Traceback')):
            continue
        print(norm(line))
    print(events)
    print(result.testsRun, len(result.failures), len(result.errors),
          len(result.skipped), len(result.expectedFailures))
    for test, text in result.failures + result.errors:
        print(test.id(), '|', text.splitlines()[-1])
