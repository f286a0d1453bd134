# Valid: a file containing only comments and blank lines runs and prints nothing.

# nothing else here
   # an indented comment is fine too

