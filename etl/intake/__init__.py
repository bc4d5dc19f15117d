"""What comes in, checked before any parser reads it: package checks, the guard, OLE containers, names from outside, uploads."""
