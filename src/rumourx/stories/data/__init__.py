"""Data files of the stories package: probability coefficients, transfer windows."""
