def add_meetings(context, published):
    pass
