"""What comes in, checked before any parser reads it: package and sheet limits, the guard, OLE containers, names from outside, uploads."""
