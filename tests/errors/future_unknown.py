from __future__ import annotations, teleportation
