value = "other value"
