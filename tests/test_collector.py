"""The collector's batch settings: raised young threshold and a frozen heap inside, the previous state after."""

import gc

from plangraph.collector import YOUNG_THRESHOLD, batch_settings


def test_batch_settings_raise_the_young_threshold_and_restore_it():
    before = gc.get_threshold()
    with batch_settings():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, before[1], before[2])
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_cycles_made_under_batch_settings_are_still_collected():
    class Node:
        pass

    with batch_settings():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
        assert gc.collect() >= 2
