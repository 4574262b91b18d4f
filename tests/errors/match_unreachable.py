def f(x):
    match x:
        case name:
            return name
        case 1:
            return 1
