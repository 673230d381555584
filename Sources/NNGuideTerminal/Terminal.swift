import CNcursesw
import NNGuideUI
