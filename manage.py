#!/usr/bin/env python
from nashra.cli import main

if __name__ == "__main__":
    main()
