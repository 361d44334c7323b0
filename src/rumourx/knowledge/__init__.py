"""Football knowledge shipped in the package: clubs, outlets, fees, names."""
