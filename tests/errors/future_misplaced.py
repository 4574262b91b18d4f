"""A future statement after other code."""
from __future__ import annotations
import sys
from __future__ import division
