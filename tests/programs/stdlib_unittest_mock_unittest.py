# unittest.mock against CPython's (ids and addresses normalised).
import io
import os
import re
import sys
import json
import asyncio
import unittest

from unittest import mock

from_mock = mock
patch = mock.patch
call = mock.call


# --- code under test ---------------------------------------------------

class Database:
    def __init__(self, url):
        self.url = url

    def connect(self):
        raise RuntimeError('no real database in tests')

    def query(self, sql, *params):
        raise RuntimeError('no real database in tests')


class UserService:
    def __init__(self, db):
        self.db = db

    def names(self):
        conn = self.db.connect()
        rows = conn.execute('SELECT name FROM users')
        return [row['name'] for row in rows]

    def count(self):
        return len(self.db.query('SELECT * FROM users'))

    def save(self, name):
        if not name:
            raise ValueError('empty name')
        self.db.query('INSERT', name)
        return True


def read_config(path):
    with open(path) as fh:
        return json.loads(fh.read())


def write_report(path, lines):
    with open(path, 'w') as fh:
        for line in lines:
            fh.write(line + '\n')


def env_mode():
    return os.environ.get('APP_MODE', 'prod')


def cwd_listing():
    return sorted(os.listdir(os.getcwd()))


async def fetch_all(client, ids):
    results = []
    for i in ids:
        results.append(await client.fetch(i))
    return results


# --- tests -------------------------------------------------------------

class TestUserService(unittest.TestCase):

    def setUp(self):
        self.db = mock.Mock(spec=Database)
        self.service = UserService(self.db)

    def test_names(self):
        conn = self.db.connect.return_value
        conn.execute.return_value = [{'name': 'ann'}, {'name': 'bob'}]
        self.assertEqual(self.service.names(), ['ann', 'bob'])
        self.db.connect.assert_called_once_with()
        conn.execute.assert_called_once_with('SELECT name FROM users')

    def test_count(self):
        self.db.query.return_value = [1, 2, 3]
        self.assertEqual(self.service.count(), 3)
        self.db.query.assert_called_once_with('SELECT * FROM users')

    def test_save(self):
        self.assertTrue(self.service.save('carl'))
        self.db.query.assert_called_with('INSERT', 'carl')
        with self.assertRaises(ValueError):
            self.service.save('')
        self.assertEqual(self.db.query.call_count, 1)

    def test_spec_rejects_unknown(self):
        with self.assertRaises(AttributeError) as cm:
            self.db.delete_everything()
        self.assertEqual(str(cm.exception),
                         "Mock object has no attribute 'delete_everything'")

    def test_side_effect_sequence(self):
        self.db.query.side_effect = [[1], [1, 2], RuntimeError('down')]
        self.assertEqual(self.service.count(), 1)
        self.assertEqual(self.service.count(), 2)
        with self.assertRaisesRegex(RuntimeError, 'down'):
            self.service.count()

    def test_mock_calls_order(self):
        manager = mock.Mock()
        manager.attach_mock(self.db, 'db')
        self.db.query.return_value = []
        self.service.save('x')
        self.service.count()
        self.assertEqual(manager.mock_calls[0], call.db.query('INSERT', 'x'))

    def test_failure_message(self):
        self.db.query('a')
        with self.assertRaises(AssertionError) as cm:
            self.db.query.assert_called_once_with('b')
        print('\n' + str(cm.exception))

    def test_intentional_failure(self):
        m = mock.Mock(name='svc')
        m.run(1)
        m.run.assert_called_with(2)


@patch('%s.Database' % __name__)
class TestPatchedClass(unittest.TestCase):

    def test_constructs(self, MockDB):
        db = Database('sqlite://')
        self.assertIs(db, MockDB.return_value)
        MockDB.assert_called_once_with('sqlite://')

    def test_query(self, MockDB):
        MockDB.return_value.query.return_value = ['r']
        self.assertEqual(UserService(Database('u')).count(), 1)

    def not_a_test(self):
        return Database


class TestPatching(unittest.TestCase):

    def setUp(self):
        patcher = patch('%s.os.getcwd' % __name__, return_value='/fake')
        self.getcwd = patcher.start()
        self.addCleanup(patcher.stop)

    @patch('os.listdir')
    def test_listing(self, listdir):
        listdir.return_value = ['b', 'a']
        self.assertEqual(cwd_listing(), ['a', 'b'])
        listdir.assert_called_once_with('/fake')

    def test_open(self):
        m = mock.mock_open(read_data='{"debug": true}')
        with patch('builtins.open', m):
            self.assertEqual(read_config('cfg.json'), {'debug': True})
        m.assert_called_once_with('cfg.json')

    def test_write(self):
        m = mock.mock_open()
        with patch('builtins.open', m):
            write_report('out.txt', ['a', 'b'])
        handle = m()
        handle.write.assert_has_calls([call('a\n'), call('b\n')])
        self.assertEqual(handle.write.call_count, 2)

    @patch.dict(os.environ, {'APP_MODE': 'test'})
    def test_env(self):
        self.assertEqual(env_mode(), 'test')

    def test_env_clear(self):
        with patch.dict(os.environ, clear=True):
            self.assertEqual(env_mode(), 'prod')
        self.assertIn('PATH', os.environ)

    @patch.object(Database, 'connect', autospec=True)
    def test_autospec_method(self, connect):
        db = Database('x')
        db.connect()
        connect.assert_called_once_with(db)
        with self.assertRaises(TypeError):
            db.connect(1, 2)

    @patch.multiple(Database, connect=mock.DEFAULT, query=mock.DEFAULT)
    def test_multiple(self, connect, query):
        query.return_value = []
        self.assertEqual(UserService(Database('x')).count(), 0)
        self.assertFalse(connect.called)

    def test_stack_order(self):
        with patch('json.loads') as loads, patch('json.dumps') as dumps:
            json.loads('x')
            json.dumps('y')
            loads.assert_called_once_with('x')
            dumps.assert_called_once_with('y')

    def test_async(self):
        client = mock.AsyncMock()
        client.fetch.side_effect = lambda i: i * 2
        self.assertEqual(asyncio.run(fetch_all(client, [1, 2, 3])), [2, 4, 6])
        client.fetch.assert_has_awaits([call(1), call(2), call(3)])
        self.assertEqual(client.fetch.await_count, 3)

    def test_sentinel_and_any(self):
        m = mock.Mock(return_value=mock.sentinel.result)
        self.assertIs(m(1, {'k': 'v'}), mock.sentinel.result)
        m.assert_called_once_with(mock.ANY, {'k': mock.ANY})

    def test_create_autospec_signature(self):
        spec_db = mock.create_autospec(Database, instance=True)
        spec_db.query('sql', 1, 2)
        spec_db.query.assert_called_once_with('sql', 1, 2)
        with self.assertRaises(TypeError):
            spec_db.query()

    def test_seal(self):
        m = mock.Mock()
        m.a.b = 1
        mock.seal(m)
        with self.assertRaises(AttributeError):
            m.c

    @unittest.expectedFailure
    def test_expected_failure(self):
        mock.Mock().assert_called()


if __name__ == '__main__':
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, verbosity=2)
    prog = unittest.main(testRunner=runner, exit=False)
    out = stream.getvalue()
    out = re.sub(r'Ran (\d+) tests? in [0-9.]+s', r'Ran \1 tests', out)
    out = re.sub(r'File "[^"]*", line \d+', 'File X', out)
    # keep the summary and the failure header/message, not traceback lines
    lines = [l for l in out.splitlines()
             if not l.startswith('  File') and not l.startswith('    ')]
    print('\n'.join(lines))
    r = prog.result
    print('run', r.testsRun, 'failures', len(r.failures), 'errors',
          len(r.errors), 'expected failures', len(r.expectedFailures))
