# Object-heavy method calls: Richards' operating-system simulation. Task
# control blocks on a priority-ordered list, packets passed between an idle
# task, a worker, two handlers and two devices; lots of small methods,
# attribute reads and writes, and polymorphic `run` calls.
#
# Checked result: with a count of 10000 the original benchmark queues 23246
# packets and holds a task 9297 times.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
TASK_COUNT = 6

DEVICE_PACKET = 0
WORK_PACKET = 1
BUFFER_SIZE = 4

# Task states: bit 0 "has a packet waiting", bit 1 "waiting", bit 2 "held".
RUNNING = 0
RUNNABLE = 1
SUSPENDED = 2
SUSPENDED_RUNNABLE = SUSPENDED | RUNNABLE
HELD = 4


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Puts this packet at the end of `queue`; returns the new head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class TaskControlBlock:
    def __init__(self, link, ident, priority, queue, task):
        self.link = link
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.task = task
        self.state = SUSPENDED if queue is None else SUSPENDED_RUNNABLE

    def is_held_or_suspended(self):
        return self.state & HELD != 0 or self.state == SUSPENDED

    def set_running(self):
        self.state = RUNNING

    def hold(self):
        self.state |= HELD

    def release(self):
        self.state &= ~HELD

    def suspend(self):
        self.state |= SUSPENDED

    def make_runnable(self):
        self.state |= RUNNABLE

    def step(self):
        if self.state == SUSPENDED_RUNNABLE:
            packet = self.queue
            self.queue = packet.link
            self.state = RUNNING if self.queue is None else RUNNABLE
        else:
            packet = None
        return self.task.run(packet)

    def deliver(self, sender, packet):
        """Adds `packet` to this task's queue; returns the task to run next."""
        if self.queue is None:
            self.queue = packet
            self.make_runnable()
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return sender


class Kernel:
    def __init__(self):
        self.queue_count = 0
        self.hold_count = 0
        self.blocks = [None] * TASK_COUNT
        self.head = None
        self.current = None
        self.current_id = None

    def add(self, ident, priority, queue, task):
        tcb = TaskControlBlock(self.head, ident, priority, queue, task)
        self.head = tcb
        self.blocks[ident] = tcb
        self.current = tcb
        return tcb

    def schedule(self):
        tcb = self.head
        while tcb is not None:
            if tcb.is_held_or_suspended():
                tcb = tcb.link
            else:
                self.current = tcb
                self.current_id = tcb.ident
                tcb = tcb.step()

    def release(self, ident):
        tcb = self.blocks[ident]
        if tcb is None:
            return tcb
        tcb.release()
        if tcb.priority > self.current.priority:
            return tcb
        return self.current

    def hold_current(self):
        self.hold_count += 1
        self.current.hold()
        return self.current.link

    def suspend_current(self):
        self.current.suspend()
        return self.current

    def send(self, packet):
        target = self.blocks[packet.dest]
        if target is None:
            return target
        self.queue_count += 1
        packet.link = None
        packet.dest = self.current_id
        return target.deliver(self.current, packet)


class Task:
    def __init__(self, kernel):
        self.kernel = kernel


class IdleTask(Task):
    def __init__(self, kernel, seed, count):
        Task.__init__(self, kernel)
        self.seed = seed
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.kernel.hold_current()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.kernel.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.kernel.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, kernel):
        Task.__init__(self, kernel)
        self.target = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.kernel.suspend_current()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.dest = self.target
        packet.datum = 0
        data = packet.data
        for i in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = self.letter
        return self.kernel.send(packet)


class HandlerTask(Task):
    def __init__(self, kernel):
        Task.__init__(self, kernel)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            n = work.datum
            if n < BUFFER_SIZE:
                device = self.devices
                if device is not None:
                    self.devices = device.link
                    device.datum = work.data[n]
                    work.datum = n + 1
                    return self.kernel.send(device)
            else:
                self.work = work.link
                return self.kernel.send(work)
        return self.kernel.suspend_current()


class DeviceTask(Task):
    def __init__(self, kernel):
        Task.__init__(self, kernel)
        self.pending = None
        self.output = 0

    def run(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.kernel.suspend_current()
            self.pending = None
            return self.kernel.send(pending)
        self.pending = packet
        self.output = (self.output * 31 + packet.datum) % 1000003
        return self.kernel.hold_current()


def packets(count, dest, kind):
    queue = None
    for _ in range(count):
        queue = Packet(queue, dest, kind)
    return queue


def simulate(count):
    kernel = Kernel()
    kernel.add(IDLE, 0, None, IdleTask(kernel, 1, count)).set_running()
    kernel.add(WORKER, 1000, packets(2, WORKER, WORK_PACKET), WorkerTask(kernel))
    kernel.add(HANDLER_A, 2000, packets(3, DEVICE_A, DEVICE_PACKET), HandlerTask(kernel))
    kernel.add(HANDLER_B, 3000, packets(3, DEVICE_B, DEVICE_PACKET), HandlerTask(kernel))
    device_a = DeviceTask(kernel)
    device_b = DeviceTask(kernel)
    kernel.add(DEVICE_A, 4000, None, device_a)
    kernel.add(DEVICE_B, 5000, None, device_b)
    kernel.schedule()
    return kernel.queue_count, kernel.hold_count, device_a.output, device_b.output


def main():
    queued, held, out_a, out_b = simulate(10000)
    print("count 10000: queued", queued, "held", held)
    print("matches the original benchmark:", (queued, held) == (23246, 9297))
    total = 0
    for i in range(22):
        queued, held, out_a, out_b = simulate(1000 + 500 * i)
        total = (total * 7 + queued * 3 + held + out_a + out_b) % 1000000007
    print("count 1000: queued", simulate(1000)[:2])
    print("checksum", total)


main()
