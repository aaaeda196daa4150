"""Stories: fold duplicates, cluster articles online, and build each story's views."""
