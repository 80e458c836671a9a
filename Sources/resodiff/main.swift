import ResoDiff
